import { listLensShares } from '../../services/shares/lens-shares.service';
import { defineOperation } from '../operation';

export default defineOperation<Parameters<typeof listLensShares>[2]>('ListLensShares', listLensShares);
