import { createTemplateShare } from '../../services/shares/template-shares.service';
import { defineOperation } from '../operation';

export default defineOperation<Parameters<typeof createTemplateShare>[2]>('CreateTemplateShare', createTemplateShare);
