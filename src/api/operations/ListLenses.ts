import { defineOperation } from '../operation';
import { listLenses } from '../../services/lenses/lenses.service';

export default defineOperation<Parameters<typeof listLenses>[2]>('ListLenses', listLenses);
