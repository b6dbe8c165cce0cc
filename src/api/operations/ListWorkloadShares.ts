import { listWorkloadShares } from '../../services/shares/workload-shares.service';
import { defineOperation } from '../operation';

export default defineOperation<Parameters<typeof listWorkloadShares>[2]>('ListWorkloadShares', listWorkloadShares);
