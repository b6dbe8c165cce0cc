import { defineOperation } from '../operation';
import { updateWorkload } from '../../services/workloads/workloads.service';

export default defineOperation<Parameters<typeof updateWorkload>[2]>('UpdateWorkload', updateWorkload);
