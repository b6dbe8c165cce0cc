import { defineOperation } from '../operation';
import { upgradeReviewTemplateLensReview } from '../../services/templates/template-reviews.service';

export default defineOperation<Parameters<typeof upgradeReviewTemplateLensReview>[2]>('UpgradeReviewTemplateLensReview', upgradeReviewTemplateLensReview);
