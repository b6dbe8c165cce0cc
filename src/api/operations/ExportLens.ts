import { defineOperation } from '../operation';
import { exportLens } from '../../services/lenses/custom-lenses.service';

export default defineOperation<Parameters<typeof exportLens>[2]>('ExportLens', exportLens);
