import { defineOperation } from '../operation';
import { importLens } from '../../services/lenses/custom-lenses.service';

export default defineOperation<Parameters<typeof importLens>[2]>('ImportLens', importLens);
