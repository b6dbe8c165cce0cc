import { defineOperation } from '../operation';
import { upgradeLensReview } from '../../services/reviews/upgrade.service';

export default defineOperation<Parameters<typeof upgradeLensReview>[2]>('UpgradeLensReview', upgradeLensReview);
