import { answerBody } from '../answer-body';
import { defineOperation } from '../operation';
import { updateAnswer } from '../../services/reviews/reviews.service';

export default defineOperation<Parameters<typeof updateAnswer>[2]>('UpdateAnswer', updateAnswer, undefined, answerBody);
