import { createWorkload } from '../../services/workloads/workloads.service';
import { workloadPropertyProblems } from '../../services/workloads/rules';
import { defineOperation } from '../operation';

export default defineOperation<Parameters<typeof createWorkload>[2]>('CreateWorkload', createWorkload, workloadPropertyProblems);
