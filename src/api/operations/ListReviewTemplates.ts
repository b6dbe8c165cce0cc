import { defineOperation } from '../operation';
import { listReviewTemplates } from '../../services/templates/templates.service';

export default defineOperation<Parameters<typeof listReviewTemplates>[2]>('ListReviewTemplates', listReviewTemplates);
