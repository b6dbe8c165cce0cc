import { defineOperation } from '../operation';
import { updateReviewTemplateAnswer } from '../../services/templates/template-reviews.service';

export default defineOperation<Parameters<typeof updateReviewTemplateAnswer>[2]>('UpdateReviewTemplateAnswer', updateReviewTemplateAnswer);
