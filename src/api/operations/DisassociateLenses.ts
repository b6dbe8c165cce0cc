import { defineOperation } from '../operation';
import { disassociateLenses } from '../../services/workloads/lenses.service';

export default defineOperation<Parameters<typeof disassociateLenses>[2]>('DisassociateLenses', disassociateLenses);
