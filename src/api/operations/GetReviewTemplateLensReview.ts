import { defineOperation } from '../operation';
import { getReviewTemplateLensReview } from '../../services/templates/template-reviews.service';

export default defineOperation<Parameters<typeof getReviewTemplateLensReview>[2]>('GetReviewTemplateLensReview', getReviewTemplateLensReview);
