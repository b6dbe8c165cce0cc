import { defineOperation } from '../operation';
import { deleteLens } from '../../services/lenses/custom-lenses.service';

export default defineOperation<Parameters<typeof deleteLens>[2]>('DeleteLens', deleteLens);
