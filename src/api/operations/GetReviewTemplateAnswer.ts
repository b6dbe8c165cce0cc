import { defineOperation } from '../operation';
import { getReviewTemplateAnswer } from '../../services/templates/template-reviews.service';

export default defineOperation<Parameters<typeof getReviewTemplateAnswer>[2]>('GetReviewTemplateAnswer', getReviewTemplateAnswer);
