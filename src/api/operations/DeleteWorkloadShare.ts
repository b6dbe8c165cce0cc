import { deleteWorkloadShare } from '../../services/shares/workload-shares.service';
import { defineOperation } from '../operation';

export default defineOperation<Parameters<typeof deleteWorkloadShare>[2]>('DeleteWorkloadShare', deleteWorkloadShare);
