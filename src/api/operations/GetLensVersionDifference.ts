import { defineOperation } from '../operation';
import { getLensVersionDifference } from '../../services/lenses/version-difference.service';

export default defineOperation<Parameters<typeof getLensVersionDifference>[2]>('GetLensVersionDifference', getLensVersionDifference);
