// Shared test setup: DOM matchers for component tests (harmless in Node tests).
import '@testing-library/jest-dom';

// jsdom has no layout engine and no ResizeObserver; Fluent UI's MessageBar observes its own size.
// A browser would call back with real sizes; jsdom has none to report, so observing does nothing.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  class NoLayoutResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(window, { ResizeObserver: NoLayoutResizeObserver });
}
