import { defineOperation } from '../operation';
import { listCheckSummaries } from '../../services/checks/checks.service';

export default defineOperation<Parameters<typeof listCheckSummaries>[2]>('ListCheckSummaries', listCheckSummaries);
