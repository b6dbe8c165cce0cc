import { defineOperation } from '../operation';
import { listLensReviewImprovements } from '../../services/reviews/reviews.service';

export default defineOperation<Parameters<typeof listLensReviewImprovements>[2]>('ListLensReviewImprovements', listLensReviewImprovements);
