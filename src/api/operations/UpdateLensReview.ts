import { defineOperation } from '../operation';
import { updateLensReview } from '../../services/reviews/reviews.service';

export default defineOperation<Parameters<typeof updateLensReview>[2]>('UpdateLensReview', updateLensReview);
