import { updateWorkload } from '../../services/workloads/workloads.service';
import { workloadPropertyProblems } from '../../services/workloads/rules';
import { defineOperation } from '../operation';

export default defineOperation<Parameters<typeof updateWorkload>[2]>('UpdateWorkload', updateWorkload, workloadPropertyProblems);
