import { defineOperation } from '../operation';
import { listLensReviewSummaries } from '../../services/reviews/reviews.service';

export default defineOperation<Parameters<typeof listLensReviewSummaries>[2]>('ListLensReviews', listLensReviewSummaries);
