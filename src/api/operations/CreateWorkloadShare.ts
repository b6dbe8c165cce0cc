import { createWorkloadShare } from '../../services/shares/workload-shares.service';
import { defineOperation } from '../operation';

export default defineOperation<Parameters<typeof createWorkloadShare>[2]>('CreateWorkloadShare', createWorkloadShare);
