import { deleteTemplateShare } from '../../services/shares/template-shares.service';
import { defineOperation } from '../operation';

export default defineOperation<Parameters<typeof deleteTemplateShare>[2]>('DeleteTemplateShare', deleteTemplateShare);
