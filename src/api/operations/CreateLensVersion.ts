import { defineOperation } from '../operation';
import { createLensVersion } from '../../services/lenses/custom-lenses.service';

export default defineOperation<Parameters<typeof createLensVersion>[2]>('CreateLensVersion', createLensVersion);
