import { listTemplateShares } from '../../services/shares/template-shares.service';
import { defineOperation } from '../operation';

export default defineOperation<Parameters<typeof listTemplateShares>[2]>('ListTemplateShares', listTemplateShares);
