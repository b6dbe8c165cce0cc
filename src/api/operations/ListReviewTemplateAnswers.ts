import { defineOperation } from '../operation';
import { listReviewTemplateAnswers } from '../../services/templates/template-reviews.service';

export default defineOperation<Parameters<typeof listReviewTemplateAnswers>[2]>('ListReviewTemplateAnswers', listReviewTemplateAnswers);
