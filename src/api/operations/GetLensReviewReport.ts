import { defineOperation } from '../operation';
import { getLensReviewReport } from '../../services/reports/reports.service';

export default defineOperation<Parameters<typeof getLensReviewReport>[2]>('GetLensReviewReport', getLensReviewReport);
