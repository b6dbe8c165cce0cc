import { defineOperation } from '../operation';
import { listWorkloads } from '../../services/workloads/workloads.service';

export default defineOperation<Parameters<typeof listWorkloads>[2]>('ListWorkloads', listWorkloads);
