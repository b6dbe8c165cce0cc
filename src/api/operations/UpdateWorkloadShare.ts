import { updateWorkloadShare } from '../../services/shares/workload-shares.service';
import { defineOperation } from '../operation';

export default defineOperation<Parameters<typeof updateWorkloadShare>[2]>('UpdateWorkloadShare', updateWorkloadShare);
