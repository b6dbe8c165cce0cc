import { defineOperation } from '../operation';
import { tagResource } from '../../services/tags.service';

export default defineOperation<Parameters<typeof tagResource>[2]>('TagResource', tagResource);
