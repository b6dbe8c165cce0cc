import { defineOperation } from '../operation';
import { getReviewTemplate } from '../../services/templates/templates.service';

export default defineOperation<Parameters<typeof getReviewTemplate>[2]>('GetReviewTemplate', getReviewTemplate);
