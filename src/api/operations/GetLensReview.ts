import { defineOperation } from '../operation';
import { getLensReview } from '../../services/reviews/reviews.service';

export default defineOperation<Parameters<typeof getLensReview>[2]>('GetLensReview', getLensReview);
