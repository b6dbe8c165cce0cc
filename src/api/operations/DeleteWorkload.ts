import { defineOperation } from '../operation';
import { deleteWorkload } from '../../services/workloads/workloads.service';

export default defineOperation<Parameters<typeof deleteWorkload>[2]>('DeleteWorkload', deleteWorkload);
