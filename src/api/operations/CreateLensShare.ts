import { createLensShare } from '../../services/shares/lens-shares.service';
import { defineOperation } from '../operation';

export default defineOperation<Parameters<typeof createLensShare>[2]>('CreateLensShare', createLensShare);
