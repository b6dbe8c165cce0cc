import { defineOperation } from '../operation';
import { createReviewTemplate, templateProblems } from '../../services/templates/templates.service';

export default defineOperation<Parameters<typeof createReviewTemplate>[2]>('CreateReviewTemplate', createReviewTemplate, templateProblems);
