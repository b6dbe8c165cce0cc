import { defineOperation } from '../operation';
import { getLens } from '../../services/lenses/lenses.service';

export default defineOperation<Parameters<typeof getLens>[2]>('GetLens', getLens);
