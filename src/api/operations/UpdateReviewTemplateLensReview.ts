import { defineOperation } from '../operation';
import { updateReviewTemplateLensReview } from '../../services/templates/template-reviews.service';

export default defineOperation<Parameters<typeof updateReviewTemplateLensReview>[2]>('UpdateReviewTemplateLensReview', updateReviewTemplateLensReview);
