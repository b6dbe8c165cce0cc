import { defineOperation } from '../operation';
import { getWorkload } from '../../services/workloads/workloads.service';

export default defineOperation<Parameters<typeof getWorkload>[2]>('GetWorkload', getWorkload);
