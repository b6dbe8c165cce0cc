import { listProfileShares } from '../../services/shares/profile-shares.service';
import { defineOperation } from '../operation';

export default defineOperation<Parameters<typeof listProfileShares>[2]>('ListProfileShares', listProfileShares);
