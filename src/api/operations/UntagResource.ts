import { defineOperation } from '../operation';
import { untagResource } from '../../services/tags.service';

export default defineOperation<Parameters<typeof untagResource>[2]>('UntagResource', untagResource);
