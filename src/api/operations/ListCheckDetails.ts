import { defineOperation } from '../operation';
import { listCheckDetails } from '../../services/checks/checks.service';

export default defineOperation<Parameters<typeof listCheckDetails>[2]>('ListCheckDetails', listCheckDetails);
