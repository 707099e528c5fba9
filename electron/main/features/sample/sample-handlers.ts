import type { HandlersOf } from '../../../shared/contract-kit'
import type { sampleContract } from '../../../shared/sample/contract'
import type { SampleService } from './sample-service'

/** The sample business's channels mapped to its service. */
export function createSampleHandlers(sample: SampleService): HandlersOf<typeof sampleContract> {
  return {
    'sample:load': () => sample.load(),
    'sample:remove': () => sample.remove(),
  }
}
