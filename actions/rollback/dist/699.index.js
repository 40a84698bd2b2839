export const id = 699;
export const ids = [699];
export const modules = {

/***/ 1699:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadPublisher: () => (/* binding */ loadPublisher)
/* harmony export */ });
/* unused harmony export PUBLISHER_LOADERS */
/** Lazy: a publisher's code is loaded only when its target runs. */
const PUBLISHER_LOADERS = {
    npm: () => __webpack_require__.e(/* import() */ 458).then(__webpack_require__.bind(__webpack_require__, 8458)),
    pypi: () => Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(426)]).then(__webpack_require__.bind(__webpack_require__, 6426)),
    crates: () => Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(933)]).then(__webpack_require__.bind(__webpack_require__, 8933)),
    docker: () => Promise.all(/* import() */[__webpack_require__.e(513), __webpack_require__.e(121)]).then(__webpack_require__.bind(__webpack_require__, 2121)),
    'github-release': () => __webpack_require__.e(/* import() */ 690).then(__webpack_require__.bind(__webpack_require__, 8690)),
    flatpak: () => Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(690), __webpack_require__.e(343)]).then(__webpack_require__.bind(__webpack_require__, 6343)),
};
async function loadPublisher(type) {
    const loader = PUBLISHER_LOADERS[type];
    if (!loader)
        throw new Error(`no publisher for type ${type}`);
    return loader();
}


/***/ })

};
