import { defineOperation } from '../operation';
import { createWorkload } from '../../services/workloads/workloads.service';

export default defineOperation<Parameters<typeof createWorkload>[2]>('CreateWorkload', createWorkload);
