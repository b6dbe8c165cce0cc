import { defineOperation } from '../operation';
import { associateLenses } from '../../services/workloads/lenses.service';

export default defineOperation<Parameters<typeof associateLenses>[2]>('AssociateLenses', associateLenses);
