import { deleteLensShare } from '../../services/shares/lens-shares.service';
import { defineOperation } from '../operation';

export default defineOperation<Parameters<typeof deleteLensShare>[2]>('DeleteLensShare', deleteLensShare);
