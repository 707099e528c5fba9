/** The app opens on Today, and an unknown address leads there too. */
import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { routes } from '../../src/router'

const routerAt = async (path: string) => {
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  return router.currentRoute.value
}

describe('the start page', () => {
  it('is Today', async () => {
    expect((await routerAt('/')).name).toBe('today')
  })

  it('is where an unknown address leads', async () => {
    expect((await routerAt('/no-such-page')).name).toBe('today')
  })
})
