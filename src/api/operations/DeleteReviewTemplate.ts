import { defineOperation } from '../operation';
import { deleteReviewTemplate } from '../../services/templates/templates.service';

export default defineOperation<Parameters<typeof deleteReviewTemplate>[2]>('DeleteReviewTemplate', deleteReviewTemplate);
