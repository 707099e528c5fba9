import { useRouter } from 'vue-router'

const MAIN = '#main'

/**
 * The page's heading (its h1), else the main region: where the skip link and every navigation put
 * the focus, so a screen reader reads the new page's name and Tab goes on from the page's top.
 */
export function focusPageStart(): boolean {
  const main = document.querySelector<HTMLElement>(MAIN)
  if (!main) return false
  const heading = main.querySelector<HTMLElement>('h1')
  const target = heading ?? main
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
  target.focus({ preventScroll: false })
  return heading !== null
}

/** After each navigation, the focus moves to the new page's heading once it has rendered. */
export function useFocusOnNavigate(): void {
  const router = useRouter()
  router.afterEach((to, from, failure) => {
    if (failure || from.matched.length === 0 || to.path === from.path) return
    const old = document.querySelector(`${MAIN} h1`)
    let frames = 0
    const tryFocus = () => {
      const heading = document.querySelector(`${MAIN} h1`)
      // A page loading its data shows its heading a moment later: wait for it (about 2 s at most).
      if ((heading && heading !== old) || frames++ > 120) {
        focusPageStart()
        return
      }
      requestAnimationFrame(tryFocus)
    }
    requestAnimationFrame(tryFocus)
  })
}
