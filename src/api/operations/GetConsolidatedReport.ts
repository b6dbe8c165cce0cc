import { defineOperation } from '../operation';
import { getConsolidatedReport } from '../../services/reports/reports.service';

export default defineOperation<Parameters<typeof getConsolidatedReport>[2]>('GetConsolidatedReport', getConsolidatedReport);
